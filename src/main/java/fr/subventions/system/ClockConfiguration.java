package fr.subventions.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /** Deadlines and dates of signature are counted in the authority's time zone. */
    @Bean
    Clock clock(@Value("${subventions.time-zone:Europe/Paris}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
