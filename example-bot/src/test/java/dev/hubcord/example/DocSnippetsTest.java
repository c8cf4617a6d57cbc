package dev.hubcord.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bot author's guide (docs/commands.md) shows the example bot as it is: every Java snippet in it appears
 * verbatim in one of this module's source files, so a change to the bot that the guide does not follow fails here.
 */
class DocSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyJavaSnippetOfTheGuideIsInTheModulesSources() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "commands.md"));
        List<String> snippets = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(guide);
        while (m.find()) {
            snippets.add(m.group(1));
        }
        assertThat(snippets).as("Java snippets in docs/commands.md").hasSizeGreaterThanOrEqualTo(10);
        List<String> sources;
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(DocSnippetsTest::read).toList();
        }
        for (String snippet : snippets) {
            assertThat(sources).as("a source file containing this snippet of docs/commands.md:%n%s", snippet)
                    .anyMatch(source -> source.contains(snippet));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
