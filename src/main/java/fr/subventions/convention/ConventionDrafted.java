package fr.subventions.convention;

/** A convention was drawn up for a grant, in the transaction of the step that drafts it, before anything produces it. */
public record ConventionDrafted(Long requestId) {
}
