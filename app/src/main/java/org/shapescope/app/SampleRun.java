package org.shapescope.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the bundled sample run (sample-data/tiny-decoder, and the encoder beside it): named by the system property
 * {@code shapescope.sample}, else next to the installed jar (walking up from it, which covers
 * {@code app/target/shapescope.jar} in a checkout and {@code lib/} in a packaged image), else
 * below the working directory.
 */
public final class SampleRun {
    static final String RELATIVE = "sample-data/tiny-decoder";
    /** The encoder sample run, beside the decoder: the decoder-vs-encoder contrast of the paper. */
    static final String ENCODER = "tiny-encoder";

    private SampleRun() {
    }

    public static Optional<Path> locate() {
        String property = System.getProperty("shapescope.sample");
        if (property != null) {
            return Optional.of(Path.of(property));
        }
        try {
            Path codeSource = Path.of(SampleRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = codeSource.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(RELATIVE);
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // no usable code source: fall through to the working directory
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The bundled encoder sample run (sample-data/tiny-encoder, beside the decoder), if there is one. */
    public static Optional<Path> locateEncoder() {
        return locate().map(decoder -> decoder.resolveSibling(ENCODER)).filter(Files::isDirectory);
    }
}
