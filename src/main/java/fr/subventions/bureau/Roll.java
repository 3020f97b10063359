package fr.subventions.bureau;

import fr.subventions.shared.Violations;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who sits: the members in office, those present, and the written proxies (pouvoirs) of absent members to present
 * ones. Holds the rules of L2121-17 (quorum) and L2121-20 (proxies).
 */
public final class Roll {

    private final Set<Long> inOffice;
    private final Set<Long> present;
    private final Map<Long, Long> proxies;

    private Roll(Set<Long> inOffice, Set<Long> present, Map<Long, Long> proxies) {
        this.inOffice = inOffice;
        this.present = present;
        this.proxies = proxies;
    }

    /**
     * Checks an attendance sheet against the members in office. Field names are those of the API, so that the errors
     * land next to what the user typed.
     */
    public static Roll of(Collection<Long> inOffice, Collection<Long> present, Collection<Long> absent,
            Map<Integer, Proxy> proxies) {
        Set<Long> members = new LinkedHashSet<>(inOffice);
        Violations violations = new Violations();
        Set<Long> presentSet = new LinkedHashSet<>();
        int i = 0;
        for (Long id : present) {
            if (id == null || !members.contains(id)) {
                violations.add("present[" + i + "]", "membre inconnu ou qui n'est pas en exercice : " + id);
            } else if (!presentSet.add(id)) {
                violations.add("present[" + i + "]", "le membre " + id + " figure deux fois");
            }
            i++;
        }
        i = 0;
        for (Long id : absent) {
            if (id == null || !members.contains(id)) {
                violations.add("absent[" + i + "]", "membre inconnu ou qui n'est pas en exercice : " + id);
            } else if (presentSet.contains(id)) {
                violations.add("absent[" + i + "]", "le membre " + id + " ne peut être à la fois présent et absent");
            }
            i++;
        }
        Map<Long, Long> byGiver = new HashMap<>();
        Map<Long, Long> byHolder = new HashMap<>();
        for (Map.Entry<Integer, Proxy> entry : proxies.entrySet()) {
            String at = "proxies[" + entry.getKey() + "]";
            Proxy proxy = entry.getValue();
            if (proxy.fromId() == null || !members.contains(proxy.fromId())) {
                violations.add(at + ".fromId", "membre inconnu ou qui n'est pas en exercice : " + proxy.fromId());
                continue;
            }
            if (proxy.toId() == null || !members.contains(proxy.toId())) {
                violations.add(at + ".toId", "membre inconnu ou qui n'est pas en exercice : " + proxy.toId());
                continue;
            }
            if (presentSet.contains(proxy.fromId())) {
                violations.add(at + ".fromId", "un membre présent ne donne pas pouvoir : " + proxy.fromId());
            }
            if (!presentSet.contains(proxy.toId())) {
                violations.add(at + ".toId", "le mandataire doit être présent : " + proxy.toId());
            }
            if (byGiver.putIfAbsent(proxy.fromId(), proxy.toId()) != null) {
                violations.add(at + ".fromId", "le membre " + proxy.fromId() + " a déjà donné pouvoir");
            }
            if (byHolder.putIfAbsent(proxy.toId(), proxy.fromId()) != null) {
                violations.add(at + ".toId", "un membre ne peut détenir qu'un seul pouvoir (article L2121-20 du CGCT) : "
                        + proxy.toId());
            }
        }
        violations.throwIfAny();
        return new Roll(members, presentSet, byGiver);
    }

    public int membersInOffice() {
        return inOffice.size();
    }

    public int presentCount() {
        return present.size();
    }

    public int proxyCount() {
        return proxies.size();
    }

    public int absentCount() {
        return inOffice.size() - present.size();
    }

    /** The majority of members in office physically present; proxies do not count (L2121-17). */
    public int quorum() {
        return inOffice.size() / 2 + 1;
    }

    public boolean quorumReached() {
        return present.size() >= quorum();
    }

    public boolean isPresent(Long memberId) {
        return present.contains(memberId);
    }

    public boolean isRepresented(Long memberId) {
        return proxies.containsKey(memberId);
    }

    public Long holderOf(Long giverId) {
        return proxies.get(giverId);
    }

    public Set<Long> present() {
        return Set.copyOf(present);
    }

    public Map<Long, Long> proxies() {
        return Map.copyOf(proxies);
    }

    /**
     * A member arrives during the séance: present from now on; a proxy they had given ends, since they vote in person.
     */
    public Roll withArrival(Long memberId) {
        Violations v = new Violations();
        v.check(memberId != null && inOffice.contains(memberId), "memberId", "membre inconnu ou qui n'est pas en exercice : " + memberId);
        v.check(memberId == null || !present.contains(memberId), "memberId", "le membre " + memberId + " est déjà présent");
        v.throwIfAny();
        Set<Long> nowPresent = new LinkedHashSet<>(present);
        nowPresent.add(memberId);
        Map<Long, Long> nowProxies = new HashMap<>(proxies);
        nowProxies.remove(memberId);
        return new Roll(inOffice, nowPresent, nowProxies);
    }

    /**
     * A member leaves during the séance, giving a proxy to a present member or not. A proxy they held lapses: its
     * holder must be present (L2121-20), so the member who gave it is no longer represented.
     */
    public Roll withDeparture(Long memberId, Long proxyToId) {
        Violations v = new Violations();
        v.check(memberId != null && present.contains(memberId), "memberId", "le membre " + memberId
                + " n'est pas présent : il ne peut quitter la séance");
        if (proxyToId != null) {
            if (!present.contains(proxyToId) || proxyToId.equals(memberId)) {
                v.add("proxyToId", "le mandataire doit être présent : " + proxyToId);
            } else if (proxies.containsValue(proxyToId)) {
                v.add("proxyToId", "un membre ne peut détenir qu'un seul pouvoir (article L2121-20 du CGCT) : " + proxyToId
                        + " détient déjà celui de " + givenTo(proxyToId));
            }
        }
        v.throwIfAny();
        Set<Long> nowPresent = new LinkedHashSet<>(present);
        nowPresent.remove(memberId);
        Map<Long, Long> nowProxies = new HashMap<>(proxies);
        nowProxies.values().removeIf(memberId::equals);
        if (proxyToId != null) {
            nowProxies.put(memberId, proxyToId);
        }
        return new Roll(inOffice, nowPresent, nowProxies);
    }

    private Long givenTo(Long holderId) {
        return proxies.entrySet().stream().filter(e -> e.getValue().equals(holderId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public Set<Long> inOffice() {
        return Set.copyOf(inOffice);
    }

    /** A written proxy from an absent member to a present one; {@code proxyId} names a proxy kept in the register. */
    public record Proxy(Long fromId, Long toId, Long proxyId) {

        public Proxy(Long fromId, Long toId) {
            this(fromId, toId, null);
        }
    }
}
