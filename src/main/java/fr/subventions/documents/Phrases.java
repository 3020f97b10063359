package fr.subventions.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences a document's model writes from data — the convention's obligations and payment terms, the
 * deliberation's formulas, the notification's grounds, the minutes' results —, each under a key, with the same
 * {@code {{placeholders}}} as the templates. The shipped wording is {@code documents/phrases.properties}; a
 * {@code phrases.properties} in the template folder (UTF-8) replaces the sentences it names, read again when it changes.
 */
final class Phrases {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final Properties SHIPPED = load("documents/phrases.properties");

    private final Path overrides;
    private volatile Read read;

    private record Read(FileTime modified, Properties phrases) {
    }

    /** The shipped wording, with the sentences the file at {@code overrides} (which need not exist) replaces. */
    Phrases(Path overrides) {
        this.overrides = overrides;
    }

    /** The shipped wording only. */
    static Phrases shipped() {
        return new Phrases(null);
    }

    /** The sentence under this key, its placeholders filled from the values given as name, value, name, value… */
    String get(String key, Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return get(key, values);
    }

    /** The sentence under this key, its placeholders filled from these values. */
    String get(String key, Map<String, ?> values) {
        String phrase = phrases().getProperty(key);
        if (phrase == null) {
            throw new TemplateException("Phrase inconnue « " + key + " » (documents/phrases.properties)");
        }
        Matcher matcher = PLACEHOLDER.matcher(phrase);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            if (!values.containsKey(matcher.group(1))) {
                throw new TemplateException("Champ inconnu {{" + matcher.group(1) + "}} dans la phrase « " + key + " »");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(values.get(matcher.group(1)))));
        }
        return matcher.appendTail(filled).toString();
    }

    private Properties phrases() {
        if (overrides == null) {
            return SHIPPED;
        }
        try {
            FileTime modified;
            try {
                // one system call per sentence: an edited file is used by the next sentence written
                modified = Files.getLastModifiedTime(overrides);
            } catch (NoSuchFileException e) {
                return SHIPPED;
            }
            Read last = read;
            if (last != null && last.modified().equals(modified)) {
                return last.phrases();
            }
            Properties merged = new Properties();
            merged.putAll(SHIPPED);
            try (Reader in = Files.newBufferedReader(overrides, StandardCharsets.UTF_8)) {
                merged.load(in);
            }
            read = new Read(modified, merged);
            return merged;
        } catch (IOException e) {
            throw new TemplateException("Le fichier " + overrides + " n'a pu être lu : " + e.getMessage(), e);
        }
    }

    private static Properties load(String resource) {
        Properties phrases = new Properties();
        try (InputStream in = Phrases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource);
            }
            phrases.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return phrases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
