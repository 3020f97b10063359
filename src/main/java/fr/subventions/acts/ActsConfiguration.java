package fr.subventions.acts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The authority's @CTES identity ({@code subventions.authority.*}) and the transmission's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthorityIdentifiers.class, TransmissionSettings.class})
class ActsConfiguration {
}
