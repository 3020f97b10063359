package fr.subventions.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the MariaDB integration tests: they share one application context on one fresh database. */
@MariaDbTest
public abstract class MariaDbIntegrationTest {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        MariaDbDatabase.recreateOnce();
        registry.add("spring.datasource.url", () -> MariaDbDatabase.URL);
    }
}
