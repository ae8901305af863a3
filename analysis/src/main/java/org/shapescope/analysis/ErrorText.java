package org.shapescope.analysis;

/** How a failure is told to a user: one line, never a stack trace. */
public final class ErrorText {
    private ErrorText() {
    }

    /** The first line of the failure's message, or its class's simple name when it has none. */
    public static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
