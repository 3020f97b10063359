package fr.subventions.support;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our tables as a database holds them, one line per fact, sorted, to compare two databases: each column (type, size,
 * nullability, default, identity, enumeration constants; on MariaDB its character set and collation), each table's
 * engine and collation on MariaDB, primary keys, unique and foreign key constraints (with their names; those of
 * primary keys are left out, H2 makes them up). Camunda's tables (ACT_*) and Flyway's history are not ours.
 * <p>
 * Enumeration constants and the columns of a primary key are compared as sets: their order means nothing to the
 * application, and migrations add new constants at the end (in place on MariaDB) where Hibernate would sort them.
 */
public final class SchemaSnapshot {

    private static final Pattern ENUM = Pattern.compile("enum\\((.*)\\)", Pattern.CASE_INSENSITIVE);

    private SchemaSnapshot() {
    }

    public static List<String> of(JdbcTemplate jdbc) {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        List<String> lines = switch (product) {
            case "H2" -> h2(jdbc);
            case "MariaDB", "MySQL" -> mariadb(jdbc);
            default -> throw new IllegalArgumentException("no snapshot for " + product);
        };
        return lines.stream().sorted().toList();
    }

    private static boolean ours(String table) {
        return !table.toUpperCase(Locale.ROOT).startsWith("ACT_") && !table.equalsIgnoreCase("flyway_schema_history");
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static String sortedList(String commaSeparated) {
        String[] items = commaSeparated.split(",");
        Arrays.sort(items);
        return String.join(",", items);
    }

    private static List<String> h2(JdbcTemplate jdbc) {
        List<String> lines = new ArrayList<>();
        jdbc.query("""
                select c.table_name, c.column_name, c.data_type, c.character_maximum_length, c.numeric_precision,
                       c.numeric_scale, c.datetime_precision, c.is_nullable, c.column_default, c.is_identity,
                       (select listagg(e.value_name, ',') from information_schema.enum_values e
                        where e.object_schema = c.table_schema and e.object_name = c.table_name
                          and e.object_type = 'TABLE' and e.enum_identifier = c.dtd_identifier) enum_values
                from information_schema.columns c where c.table_schema = 'PUBLIC'
                """, rs -> {
            if (ours(rs.getString(1))) {
                String constants = rs.getString(11);
                lines.add("column " + lower(rs.getString(1)) + "." + lower(rs.getString(2)) + " " + rs.getString(3)
                        + (constants == null ? "" : "(" + sortedList(constants) + ")")
                        + " length=" + rs.getString(4) + " precision=" + rs.getString(5) + " scale=" + rs.getString(6)
                        + " datetime-precision=" + rs.getString(7) + " nullable=" + rs.getString(8)
                        + " default=" + rs.getString(9) + " identity=" + rs.getString(10));
            }
        });
        jdbc.query("""
                select tc.table_name, tc.constraint_type, tc.constraint_name,
                       (select listagg(k.column_name, ',') within group (order by k.ordinal_position)
                        from information_schema.key_column_usage k
                        where k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name),
                       (select u.table_name from information_schema.referential_constraints r
                        join information_schema.table_constraints u on u.constraint_schema = r.unique_constraint_schema
                         and u.constraint_name = r.unique_constraint_name
                        where r.constraint_schema = tc.constraint_schema and r.constraint_name = tc.constraint_name),
                       (select cc.check_clause from information_schema.check_constraints cc
                        where cc.constraint_schema = tc.constraint_schema and cc.constraint_name = tc.constraint_name)
                from information_schema.table_constraints tc where tc.table_schema = 'PUBLIC'
                """, rs -> {
            if (ours(rs.getString(1))) {
                lines.add(constraint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        });
        return lines;
    }

    private static List<String> mariadb(JdbcTemplate jdbc) {
        List<String> lines = new ArrayList<>();
        jdbc.query("""
                select table_name, column_name, column_type, is_nullable, column_default, character_set_name,
                       collation_name, extra
                from information_schema.columns where table_schema = database()
                """, rs -> {
            if (ours(rs.getString(1))) {
                String type = rs.getString(3);
                Matcher constants = ENUM.matcher(type);
                if (constants.matches()) {
                    type = "enum(" + sortedList(constants.group(1)) + ")";
                }
                lines.add("column " + lower(rs.getString(1)) + "." + lower(rs.getString(2)) + " " + type
                        + " nullable=" + rs.getString(4) + " default=" + rs.getString(5) + " charset="
                        + rs.getString(6) + " collation=" + rs.getString(7) + " extra=" + rs.getString(8));
            }
        });
        jdbc.query("""
                select table_name, engine, table_collation from information_schema.tables
                where table_schema = database() and table_type = 'BASE TABLE'
                """, rs -> {
            if (ours(rs.getString(1))) {
                lines.add("table " + lower(rs.getString(1)) + " engine=" + rs.getString(2) + " collation="
                        + rs.getString(3));
            }
        });
        jdbc.query("""
                select c.table_name, c.constraint_type, c.constraint_name,
                       group_concat(k.column_name order by k.ordinal_position), max(k.referenced_table_name),
                       max(cc.check_clause)
                from information_schema.table_constraints c
                left join information_schema.key_column_usage k on k.constraint_schema = c.constraint_schema
                 and k.table_name = c.table_name and k.constraint_name = c.constraint_name
                left join information_schema.check_constraints cc on cc.constraint_schema = c.constraint_schema
                 and cc.table_name = c.table_name and cc.constraint_name = c.constraint_name
                where c.constraint_schema = database()
                group by c.table_name, c.constraint_type, c.constraint_name
                """, rs -> {
            if (ours(rs.getString(1))) {
                lines.add(constraint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        });
        return lines;
    }

    private static String constraint(String table, String type, String name, String columns, String referenced,
            String check) {
        String prefix = "constraint " + lower(table) + " " + type;
        return switch (type) {
            case "PRIMARY KEY" -> prefix + " (" + lower(sortedList(columns)) + ")";
            case "FOREIGN KEY" -> prefix + " " + name + " (" + lower(columns) + ") references " + lower(referenced);
            case "CHECK" -> prefix + " " + check;
            default -> prefix + " " + name + " (" + lower(columns) + ")";
        };
    }

    /** For a failure message: what one snapshot has that the other has not. */
    public static String difference(List<String> expected, List<String> actual) {
        List<String> missing = expected.stream().filter(l -> !actual.contains(l)).toList();
        List<String> extra = actual.stream().filter(l -> !expected.contains(l)).toList();
        return "missing: " + missing + "\nunexpected: " + extra;
    }
}
