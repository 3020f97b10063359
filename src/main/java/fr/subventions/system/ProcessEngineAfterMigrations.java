package fr.subventions.system;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The process engine is built after Flyway has migrated our tables (registered in META-INF/spring.factories).
 * <p>
 * On an empty database an engine built first would create its ACT_* tables; Flyway would then find a schema that is
 * not empty and has no history, take it for a database of the previous release, baseline it at version 1 and skip the
 * creation of our tables (spring.flyway.baseline-on-migrate), and version 2 would fail on tables that do not exist.
 * Spring Boot orders the JPA and JDBC beans after Flyway; the engine, which it knows nothing of, comes after Flyway
 * today only by the way its own dependencies happen to be created: this makes the order a rule.
 */
public class ProcessEngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector
        implements DependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class);
    }
}
