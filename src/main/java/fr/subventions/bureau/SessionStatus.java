package fr.subventions.bureau;

public enum SessionStatus {
    PREPARATION("en préparation"), CONVENED("convoquée, ordre du jour arrêté"), SITTING("en cours"), CLOSED("close");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
