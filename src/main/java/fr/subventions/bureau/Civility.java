package fr.subventions.bureau;

public enum Civility {
    MONSIEUR("Monsieur"), MADAME("Madame");

    private final String label;

    Civility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
