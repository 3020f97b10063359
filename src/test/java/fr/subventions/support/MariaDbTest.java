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
        // the @CTES folders and the demo's signing keys under target/, not in the checkout's data/; a run's own
        // folders, as its database is new and its acts' numbering starts again
        "subventions.transmission.outbox=target/it-actes/${random.uuid}/outbox",
        "subventions.transmission.inbox=target/it-actes/${random.uuid}/inbox",
        "subventions.signature.demo-keys-dir=target/it-signature",
        // TestPrefecture reads the inbox as soon as it answers: a scheduled reading at the same moment would find its
        // file gone
        "subventions.transmission.scheduling=false",
        "logging.level.org.camunda=warn"})
public @interface MariaDbTest {
}
