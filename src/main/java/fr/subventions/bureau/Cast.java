package fr.subventions.bureau;

/** One member's vote on an item, by themselves or through the holder of their proxy. */
public record Cast(Long memberId, Choice choice, Long castBy) {

    public boolean byProxy() {
        return !memberId.equals(castBy);
    }
}
