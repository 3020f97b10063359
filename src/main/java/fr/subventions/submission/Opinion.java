package fr.subventions.submission;

public enum Opinion {
    FAVORABLE, UNFAVORABLE
}
