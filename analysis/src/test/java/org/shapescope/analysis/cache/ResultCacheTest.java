package org.shapescope.analysis.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.geometry.MeasureResult;

class ResultCacheTest {
    @TempDir
    Path dir;

    @Test
    void valuesIncludingRefusalsSurviveARoundTrip() throws Exception {
        Path file = dir.resolve("c/geometry.json");
        ResultCache cache = ResultCache.at(file);
        cache.put("a", new MeasureResult(0.25, 10, 1, "dropped 1 rows with NaN/Inf"));
        cache.put("b", MeasureResult.refused(1, 0, "needs at least 3 tokens"));
        cache.flush();
        ResultCache reread = ResultCache.at(file);
        assertThat(reread.get("a")).contains(new MeasureResult(0.25, 10, 1, "dropped 1 rows with NaN/Inf"));
        assertThat(reread.get("b").orElseThrow().value()).isNaN();
        assertThat(reread.get("b").orElseThrow().note()).isEqualTo("needs at least 3 tokens");
        assertThat(reread.get("c")).isEmpty();
    }

    @Test
    void aCrashMidWriteLeavesTheOldCacheValid() throws Exception {
        Path file = dir.resolve("geometry.json");
        ResultCache cache = ResultCache.at(file);
        cache.put("a", new MeasureResult(1, 1, 0, ""));
        cache.flush();
        // A crashed writer leaves a partial temporary file beside the cache; the cache itself is untouched.
        Files.writeString(dir.resolve("geometry.json12345.partial"), "{\"version\":1,\"entr");
        assertThat(ResultCache.at(file).get("a")).isPresent();
    }

    @Test
    void aDamagedCacheIsIgnoredAndReplaced() throws Exception {
        Path file = Files.writeString(dir.resolve("geometry.json"), "{ not json");
        ResultCache cache = ResultCache.at(file);
        assertThat(cache.size()).isZero();
        cache.put("x", new MeasureResult(2, 3, 0, ""));
        cache.flush();
        assertThat(ResultCache.at(file).get("x")).isPresent();
    }

    @Test
    void readOnlyRunFolderUsesTheUserCacheDirectory() {
        Path run = dir.resolve("run");
        Path user = dir.resolve("user-cache");
        ResultCache cache = ResultCache.forRun(run, folder -> false, user);
        assertThat(cache.file().startsWith(user)).isTrue();
        assertThat(cache.file().getFileName().toString()).isEqualTo("geometry.json");
        assertThat(ResultCache.forRun(run, folder -> true, user).file()).isEqualTo(run.resolve(".shapescope-cache/geometry.json"));
    }

    @Test
    void identityChangesWithContent() throws Exception {
        Path file = Files.write(dir.resolve("f.arrow"), new byte[200_000]);
        FileIdentity before = FileIdentity.of(file);
        byte[] changed = new byte[200_000];
        changed[199_999] = 1;
        Files.write(file, changed);
        Files.setLastModifiedTime(file, Files.getLastModifiedTime(file));
        FileIdentity after = FileIdentity.of(file);
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(after.size()).isEqualTo(before.size());
    }
}
