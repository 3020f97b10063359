package fr.subventions.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The MariaDB of the machine (127.0.0.1:3306, root without password), with a database of our own for the tests. */
public final class MariaDbDatabase {

    public static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    /** One database per checkout, so that two checkouts on one machine can run their integration tests at once. */
    public static final String NAME = "subventions_it_"
            + String.format("%08x", Path.of("").toAbsolutePath().toString().hashCode());
    public static final String URL = SERVER + NAME;
    public static final String USER = "root";
    public static final String PASSWORD = "";

    private static boolean recreated;

    private MariaDbDatabase() {
    }

    /** Starts each test run from an empty database, so that the engine creates its schema and we ours. */
    public static synchronized void recreateOnce() {
        if (recreated) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME);
            statement.execute("CREATE DATABASE " + NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is required at " + SERVER + " (root, empty password): " + e.getMessage(), e);
        }
        recreated = true;
    }
}
