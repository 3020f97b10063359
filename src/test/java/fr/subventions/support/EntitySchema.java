package fr.subventions.support;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy;

/**
 * The tables Hibernate derives from the application's entities, created in an empty database as ddl-auto create
 * would, with Spring Boot's naming: what the migrations must have built, for {@link SchemaSnapshot} to compare.
 */
public final class EntitySchema {

    private EntitySchema() {
    }

    /** Creates, in the empty database at {@code url}, the tables of every entity the application's JPA knows. */
    public static void create(EntityManagerFactory application, String url, String user, String password) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, user)
                .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, password)
                .applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName())
                .applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
                .applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            application.getMetamodel().getEntities().stream().map(EntityType::getJavaType)
                    .forEach(sources::addAnnotatedClass);
            // building the session factory creates the schema (create, not create-drop: closing it leaves the tables)
            sources.buildMetadata().buildSessionFactory().close();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
