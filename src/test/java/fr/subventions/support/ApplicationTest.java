package fr.subventions.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an in-memory H2 with the demo data: one Spring context shared by every such test. Metrics
 * are exported as in production (/actuator/prometheus), which Spring Boot's tests otherwise turn off. Its tests walk
 * requests through the API with the {@link ApiJourney} bean.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"demo", "test"})
@Import({TestClockConfiguration.class, TestSmtpConfiguration.class, ApiJourney.class})
public @interface ApplicationTest {
}
