package fr.subventions.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** The application's SMTP server in the tests: GreenMail on a free port, started with the context. */
@TestConfiguration
public class TestSmtpConfiguration {

    @Bean(destroyMethod = "stop")
    TestSmtpServer testSmtpServer() {
        return new TestSmtpServer();
    }

    @Bean
    DynamicPropertyRegistrar smtpServerProperties(TestSmtpServer smtp) {
        return registry -> {
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", smtp::port);
        };
    }
}
