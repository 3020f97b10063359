package fr.subventions.bureau;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The written proxies the secretariat receives: registered ahead for up to three consecutive séances, or written on
 * the attendance sheet for the séance at hand. Which séance of its run a proxy would serve in is counted here.
 */
@Service
@Transactional
class ProxyRegistry {

    private final MemberProxyRepository proxies;
    private final MemberRepository members;
    private final AssemblySessionRepository sessions;
    private final Clock clock;

    ProxyRegistry(MemberProxyRepository proxies, MemberRepository members, AssemblySessionRepository sessions, Clock clock) {
        this.proxies = proxies;
        this.members = members;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Registers a written proxy for {@code sessionCount} consecutive séances (1 to 3), or until revoked for an illness. */
    public MemberProxy register(AssemblyBody body, Long giverId, Long holderId, LocalDate signedOn, Integer sessionCount,
            boolean illness, String actor) {
        Violations v = new Violations();
        v.check(body != null, "body", "l'assemblée est obligatoire : BUREAU ou CONSEIL");
        checkMember(v, "fromId", giverId, body);
        checkMember(v, "toId", holderId, body);
        v.check(giverId == null || !giverId.equals(holderId), "toId", "un membre ne se donne pas pouvoir à lui-même");
        v.check(signedOn != null, "signedOn", "la date du pouvoir est obligatoire (AAAA-MM-JJ)");
        if (!illness) {
            v.check(sessionCount != null && sessionCount >= 1 && sessionCount <= MemberProxy.MAX_CONSECUTIVE_SESSIONS,
                    "sessions", "un pouvoir vaut pour 1 à " + MemberProxy.MAX_CONSECUTIVE_SESSIONS
                            + " séances consécutives (article L2121-20 du CGCT) ; au-delà, seulement pour une maladie dûment constatée");
        } else {
            v.check(sessionCount == null || sessionCount >= 1, "sessions", "au moins une séance");
        }
        v.throwIfAny();
        return proxies.save(new MemberProxy(body, giverId, holderId, signedOn, sessionCount, illness, actor,
                Instant.now(clock)));
    }

    public MemberProxy revoke(Long proxyId, LocalDate on) {
        MemberProxy proxy = get(proxyId);
        if (proxy.revokedOn() != null) {
            throw new InvalidInputException("proxyId", "le pouvoir n° " + proxyId + " est déjà révoqué");
        }
        proxy.revoke(on == null ? LocalDate.now(clock) : on);
        return proxy;
    }

    @Transactional(readOnly = true)
    public MemberProxy get(Long proxyId) {
        return proxies.findById(proxyId).orElseThrow(() -> new NotFoundException("Pouvoir inconnu : " + proxyId));
    }

    @Transactional(readOnly = true)
    public List<MemberProxy> list(AssemblyBody body) {
        return proxies.findByBodyOrderByIdDesc(body);
    }

    /**
     * The sheet's proxies with the registered ones filled in: a line naming a proxyId takes its giver and holder from
     * the register and is refused when the proxy cannot serve in this séance (revoked, or past its consecutive séances).
     */
    @Transactional(readOnly = true)
    public Map<Integer, Roll.Proxy> resolve(AssemblySession session, Map<Integer, Roll.Proxy> lines) {
        Violations v = new Violations();
        Map<Integer, Roll.Proxy> resolved = new LinkedHashMap<>();
        for (Map.Entry<Integer, Roll.Proxy> line : lines.entrySet()) {
            Roll.Proxy proxy = line.getValue();
            String at = "proxies[" + line.getKey() + "]";
            if (proxy.proxyId() == null) {
                resolved.put(line.getKey(), proxy);
                continue;
            }
            Optional<MemberProxy> found = proxies.findById(proxy.proxyId());
            if (found.isEmpty() || found.get().body() != session.body()) {
                v.add(at + ".proxyId", "pouvoir inconnu pour cette assemblée : " + proxy.proxyId());
                continue;
            }
            MemberProxy registered = found.get();
            if ((proxy.fromId() != null && !proxy.fromId().equals(registered.giverId()))
                    || (proxy.toId() != null && !proxy.toId().equals(registered.holderId()))) {
                v.add(at + ".proxyId", "le pouvoir n° " + registered.id() + " est donné par " + registered.giverId()
                        + " à " + registered.holderId() + ", pas par " + proxy.fromId() + " à " + proxy.toId());
                continue;
            }
            String refusal = registered.refusalFor(ordinal(registered, session), session.sessionDate());
            if (refusal != null) {
                v.add(at + ".proxyId", refusal);
                continue;
            }
            resolved.put(line.getKey(), new Roll.Proxy(registered.giverId(), registered.holderId(), registered.id()));
        }
        v.throwIfAny();
        return resolved;
    }

    /**
     * The proxy behind a line of the sheet: the registered one it names, the one already on the sheet, a registered
     * proxy from the same giver to the same holder that can serve in this séance, or else a new written proxy for this
     * séance alone. The proxy then counts this séance as one of its run.
     */
    public MemberProxy proxyFor(AssemblySession session, Long giverId, Long holderId, Long named, Long onSheet,
            String actor) {
        MemberProxy proxy = named != null ? get(named)
                : onSheet != null ? get(onSheet)
                : proxies.findByGiverIdAndHolderIdAndRevokedOnIsNullOrderByIdDesc(giverId, holderId).stream()
                        .filter(p -> p.body() == session.body()
                                && p.refusalFor(ordinal(p, session), session.sessionDate()) == null)
                        .findFirst()
                        .orElseGet(() -> proxies.save(new MemberProxy(session.body(), giverId, holderId,
                                session.sessionDate(), 1, false, actor, Instant.now(clock))));
        proxy.servesIn(session);
        return proxy;
    }

    /**
     * Which séance of its run {@code session} would be for the proxy: 1 for the first séance it serves in, then one
     * more for each séance of the body held after it, whether or not the giver attended; 0 for a séance before its
     * first.
     */
    int ordinal(MemberProxy proxy, AssemblySession session) {
        if (proxy.firstSessionId() == null || proxy.firstSessionId().equals(session.id())) {
            return 1;
        }
        if (!isAfter(session, proxy.firstSessionDate(), proxy.firstSessionId())) {
            return 0;
        }
        return 1 + (int) sessions.findAllByOrderBySessionDateDesc().stream()
                .filter(s -> s.body() == proxy.body())
                .filter(s -> isAfter(s, proxy.firstSessionDate(), proxy.firstSessionId()))
                .filter(s -> !isAfter(s, session.sessionDate(), session.id()))
                .count();
    }

    private static boolean isAfter(AssemblySession s, LocalDate date, Long id) {
        return s.sessionDate().isAfter(date) || (s.sessionDate().isEqual(date) && s.id() > id);
    }

    private void checkMember(Violations v, String field, Long id, AssemblyBody body) {
        if (id == null) {
            v.add(field, "obligatoire");
        } else if (members.findById(id).filter(m -> body == null || m.body() == body).isEmpty()) {
            v.add(field, "membre inconnu de cette assemblée : " + id);
        }
    }
}
