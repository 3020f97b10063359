package fr.subventions.shared;

import java.util.Set;

/** Who calls, with the Camunda groups they belong to. */
public record Caller(String username, Set<String> groups) {

    public static final String APPLICANTS = "demandeurs";
    public static final String OFFICERS = "instructeurs";
    public static final String SECRETARIAT = "secretariat";
    public static final String FINANCE = "finances";
    /** Camunda's administrators: Cockpit and Admin, and the back office with the right to give a task to someone. */
    public static final String ADMINISTRATORS = "camunda-admin";

    public boolean isStaff() {
        return groups.contains(OFFICERS) || groups.contains(SECRETARIAT) || groups.contains(FINANCE);
    }

    public boolean isAdministrator() {
        return groups.contains(ADMINISTRATORS);
    }

    /** Staff see every request; an applicant only their own. */
    public boolean maySee(String owner) {
        return isStaff() || username.equals(owner);
    }
}
