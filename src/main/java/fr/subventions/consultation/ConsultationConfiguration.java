package fr.subventions.consultation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OpinionSettings.class)
class ConsultationConfiguration {
}
