package fr.subventions.documents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The authority the documents speak for ({@code subventions.authority.*}), their wording, and their PDF/A renditions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Authority.class, PdfSettings.class})
class DocumentsConfiguration {

    /** The shipped sentences, those of {@code phrases.properties} in the template folder replacing them. */
    @Bean
    Phrases phrases(TemplateStore templates) {
        return new Phrases(templates.folder().resolve("phrases.properties"));
    }
}
