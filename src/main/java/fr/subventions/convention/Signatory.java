package fr.subventions.convention;

public enum Signatory {
    BENEFICIARY("le bénéficiaire"), PRESIDENT("le Président");

    private final String label;

    Signatory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
