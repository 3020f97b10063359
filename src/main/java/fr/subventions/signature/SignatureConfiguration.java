package fr.subventions.signature;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The signing keys and the time-stamping authority ({@code subventions.signature.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignatureSettings.class)
class SignatureConfiguration {
}
