package fr.subventions.shared;

import java.util.Set;

/** Who calls, with the Camunda groups they belong to. */
public record Caller(String username, Set<String> groups) {

    public static final String APPLICANTS = "demandeurs";
    public static final String OFFICERS = "instructeurs";
    public static final String SECRETARIAT = "secretariat";
    public static final String FINANCE = "finances";

    public boolean isStaff() {
        return groups.contains(OFFICERS) || groups.contains(SECRETARIAT) || groups.contains(FINANCE);
    }

    /** Staff see every request; an applicant only their own. */
    public boolean maySee(String owner) {
        return isStaff() || username.equals(owner);
    }
}
