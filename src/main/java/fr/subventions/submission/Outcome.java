package fr.subventions.submission;

public enum Outcome {
    GRANTED, REJECTED, INADMISSIBLE, WITHDRAWN
}
