package org.shapescope.app.ui;

import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.shapescope.app.explorer.FileNotice;

/** Shows each new {@link FileNotice} of the model as a ControlsFX notification naming the file and the reason. */
final class NoticePopups {
    private static final Duration SHOWN_FOR = Duration.seconds(10);
    private static final int AT_ONCE = 4;

    private final Window owner;

    NoticePopups(Window owner) {
        this.owner = owner;
    }

    ListChangeListener<FileNotice> listener() {
        return change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::show);
            }
        };
    }

    void show(FileNotice notice) {
        String title = notice.file() == null ? "Problem" : "Problem with " + notice.file().getFileName();
        String text = notice.file() == null ? notice.reason() : notice.file() + "\n" + notice.reason();
        showError(title, text);
    }

    void showError(String title, String text) {
        Notifications.create().owner(owner).title(title).text(text).hideAfter(SHOWN_FOR)
                .threshold(AT_ONCE, Notifications.create().owner(owner).title("Several problems")
                        .text("Several files could not be read; see the run panel and the status line."))
                .showError();
    }
}
