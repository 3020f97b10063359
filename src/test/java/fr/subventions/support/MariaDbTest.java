package fr.subventions.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The application served over HTTP on a real MariaDB, in the production profile plus the demo data, with the job
 * executor running the document tasks as in production. The database
 * {@code subventions_it_<checkout>} is dropped and created anew once per test run by {@link MariaDbDatabase}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mariadb", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {
        // spring.datasource.url: set by MariaDbIntegrationTest, one database per checkout
        "spring.datasource.username=" + MariaDbDatabase.USER,
        "spring.datasource.password=" + MariaDbDatabase.PASSWORD,
        "camunda.bpm.job-execution.enabled=true",
        "subventions.documents.template-dir=target/it-templates",
        "logging.level.org.camunda=warn"})
public @interface MariaDbTest {
}
