package org.shapescope.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests' Spark keeps its scratch: target/spark-scratch (pom: spark.scratch), never /tmp. */
final class SparkTestScratch {
    private SparkTestScratch() {
    }

    static Path path() {
        Path scratch = Path.of(System.getProperty("shapescope.spark.scratch", "target/spark-scratch")).toAbsolutePath();
        try {
            Files.createDirectories(scratch.resolve("tmp"));
            Files.createDirectories(scratch.resolve("spark-home").resolve("jars"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scratch;
    }
}
