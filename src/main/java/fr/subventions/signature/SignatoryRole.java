package fr.subventions.signature;

/**
 * Who signs the authority's acts. The extract of the register, the list of the deliberations and the procès-verbal
 * are signed by the President of the séance and by its secretary (CGCT L2121-15 and L2121-23: « signé par le maire et
 * le secrétaire de séance »); the convention and the notification by the President alone.
 */
public enum SignatoryRole {

    PRESIDENT("Le Président", "Le Président", "president"),
    SECRETARY("Le secrétaire de séance", "Le secrétaire", "secretary");

    private final String label;
    private final String block;
    private final String setting;

    SignatoryRole(String label, String block, String setting) {
        this.label = label;
        this.block = block;
        this.setting = setting;
    }

    /** « Le Président », « Le secrétaire de séance ». */
    public String label() {
        return label;
    }

    /** The text that opens the role's signature block in an act, as the register's extract writes it. */
    public String block() {
        return block;
    }

    /** The role's name under {@code subventions.signature}: {@code president}, {@code secretary}. */
    public String setting() {
        return setting;
    }

    /** The environment variable prefix of the role's keystore: {@code SUBVENTIONS_SIGNATURE_PRESIDENT}. */
    String environmentPrefix() {
        return "SUBVENTIONS_SIGNATURE_" + name();
    }
}
