package fr.subventions.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Secrets come from the environment: in the configuration shipped for production (every application*.yml but the demo
 * profile's), a password, secret, token or key is either a ${VARIABLE} placeholder or the embedded H2's empty one.
 * The demo profile's passwords are the demo users' (user name = password) and exist only with that profile.
 */
class ConfigurationSecretsTest {

    static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|credential|api-?key|private-?key)[^.]*$");
    static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{[A-Z0-9_]+(:[^}]*)?}");

    @Test
    void productionConfigurationTakesItsSecretsFromTheEnvironment() throws IOException {
        Map<String, Object> secrets = new LinkedHashMap<>();
        for (String file : List.of("application.yml", "application-mariadb.yml")) {
            flatten(file, "", load(file), secrets);
        }
        assertThat(secrets).as("secret-like settings found").isNotEmpty();
        secrets.forEach((key, value) -> {
            String text = value == null ? "" : value.toString();
            if (key.equals("application.yml: spring.datasource.password")) {
                assertThat(text).as("the embedded H2's password").isEmpty();
            } else {
                assertThat(FROM_ENVIRONMENT.matcher(text).matches()).as("%s = %s comes from the environment", key, text)
                        .isTrue();
                assertThat(text).as("%s has no default secret", key).matches("\\$\\{[A-Z0-9_]+(:)?}");
            }
        });
    }

    @Test
    void demoPasswordsLiveInTheDemoProfileOnly() throws IOException {
        Map<String, Object> demo = new LinkedHashMap<>();
        flatten("application-demo.yml", "", load("application-demo.yml"), demo);
        assertThat(demo).containsEntry("application-demo.yml: camunda.bpm.admin-user.password", "demo");
        for (String file : List.of("application.yml", "application-mariadb.yml")) {
            Map<String, Object> settings = new LinkedHashMap<>();
            flatten(file, "", load(file), settings);
            assertThat(settings.keySet()).as(file).noneMatch(key -> key.contains("admin-user"));
        }
        // nor in the deployment files
        Path env = Path.of("docker/.env.example");
        if (Files.exists(env)) {
            for (String line : Files.readAllLines(env)) {
                if (line.matches("(?i)^[A-Z_]*(PASSWORD|SECRET)[A-Z_]*=.+")) {
                    assertThat(line).as("docker/.env.example sets no real password").matches("(?i)^[A-Z_]+=(change-?me.*|)$");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws IOException {
        try (InputStream in = ConfigurationSecretsTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String file, String prefix, Map<String, Object> map, Map<String, Object> secrets) {
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(file, path, (Map<String, Object>) nested, secrets);
            } else if (SECRET.matcher(path).matches() || file.contains("demo")) {
                secrets.put(file + ": " + path, value);
            }
        });
    }
}
