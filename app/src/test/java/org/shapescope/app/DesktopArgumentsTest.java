package org.shapescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopArgumentsTest {
    @Test
    void theDesktopFormsAreNoArgumentsARunAndARunWithAStore() {
        assertThat(DesktopArguments.matches(new String[0], p -> true)).isTrue();
        assertThat(DesktopArguments.matches(new String[] {"run"}, p -> true)).isTrue();
        assertThat(DesktopArguments.matches(new String[] {"run", "--store", "s.sqlite"}, p -> true)).isTrue();
        assertThat(DesktopArguments.matches(new String[] {"analyze", "run"}, p -> false)).as("a subcommand").isFalse();
        assertThat(DesktopArguments.matches(new String[] {"run", "--metrics", "x"}, p -> true)).isFalse();
        assertThat(DesktopArguments.matches(new String[] {"--help"}, p -> true)).isFalse();
        DesktopArguments parsed = DesktopArguments.parse(List.of("run", "--store", "s.sqlite"));
        assertThat(parsed.run()).contains(Path.of("run"));
        assertThat(parsed.store()).contains(Path.of("s.sqlite"));
        assertThat(DesktopArguments.parse(List.of()).run()).isEmpty();
    }

    @Test
    void furtherFoldersAreComparedWithTheFirst() {
        assertThat(DesktopArguments.matches(new String[] {"a", "b", "c"}, p -> true)).isTrue();
        assertThat(DesktopArguments.matches(new String[] {"a", "b", "--store", "s.sqlite"}, p -> true)).isTrue();
        assertThat(DesktopArguments.matches(new String[] {"a", "b"}, p -> p.toString().equals("a")))
                .as("b is no folder").isFalse();
        DesktopArguments parsed = DesktopArguments.parse(List.of("a", "b", "c", "--store", "s.sqlite"));
        assertThat(parsed.run()).contains(Path.of("a"));
        assertThat(parsed.compared()).containsExactly(Path.of("b"), Path.of("c"));
        assertThat(parsed.store()).contains(Path.of("s.sqlite"));
        assertThat(DesktopArguments.parse(List.of("a")).compared()).isEmpty();
    }
}
