package fr.subventions.acts;

/** Where an act stands on its way to being executory, as the API and the pages tell it. */
public enum ActState {
    SIGNED("Signé"),
    TRANSMITTED("Transmis à la préfecture"),
    ACKNOWLEDGED("Accusé de réception reçu"),
    PUBLISHED("Publié"),
    EXECUTORY("Exécutoire"),
    ANOMALY("Anomalie signalée par la préfecture");

    private final String label;

    ActState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
