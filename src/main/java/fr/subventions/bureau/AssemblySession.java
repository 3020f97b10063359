package fr.subventions.bureau;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A séance of the Bureau or the Council: its agenda, who sits, and the vote on each item. Over 300 lines: the séance's
 * mapping and its guarded transitions (convene, open, close, reconvene) belong together, as in {@code SubsidyRequest}.
 */
@Entity
@Table(name = "assembly_session")
public class AssemblySession {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AssemblyBody body;

    @Column(nullable = false)
    private LocalDate sessionDate;

    @Column(nullable = false, length = 200)
    private String place;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "president_id")
    private Member president;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "secretary_id")
    private Member secretary;

    @Column(nullable = false)
    private LocalDate convocationSentOn;

    /** Set when the séance is convened in urgency: the reason the register keeps (L2121-12). */
    @Column(length = 1000)
    private String urgencyReason;

    /** The members in office the convocation went to, recorded when the agenda is fixed. */
    @ElementCollection
    @CollectionTable(name = "convocation_recipient", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "member_id")
    private Set<Long> convocationRecipients = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SessionStatus status = SessionStatus.PREPARATION;

    @Column(length = 64)
    private String processInstanceId;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position ASC")
    private List<AgendaItem> items = new ArrayList<>();

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<AttendanceEntry> attendance = new ArrayList<>();

    /** The roll at the opening, as the procès-verbal reports it before the movements of the séance. */
    @ElementCollection
    @CollectionTable(name = "session_opening_seat", joinColumns = @JoinColumn(name = "session_id"))
    private List<Seat> openingSeats = new ArrayList<>();

    /**
     * The séance that could not deliberate for want of quorum and of which this one is the new convocation: this one
     * deliberates without quorum (L2121-17).
     */
    private Long reconvenedFromId;

    /** The séance convened again after this one lacked quorum. */
    private Long reconvenedAsId;

    protected AssemblySession() {
    }

    AssemblySession(AssemblyBody body, LocalDate sessionDate, String place, Member president, Member secretary,
            LocalDate convocationSentOn, String urgencyReason) {
        this.urgencyReason = urgencyReason;
        this.body = body;
        this.sessionDate = sessionDate;
        this.place = place;
        this.president = president;
        this.secretary = secretary;
        this.convocationSentOn = convocationSentOn;
    }

    /** "Bureau métropolitain du jeudi 14 septembre 2023". */
    public String label() {
        return body.label() + " du " + LONG_DATE.format(sessionDate);
    }

    AgendaItem addItem(Long requestId, String reference, String title, String theme, BigDecimal amount) {
        requireStatus(SessionStatus.PREPARATION, "modifier l'ordre du jour");
        AgendaItem item = new AgendaItem(this, items.size() + 1, requestId, reference, title, theme, amount);
        items.add(item);
        return item;
    }

    /** The item that puts this request on the agenda. */
    AgendaItem item(String reference) {
        return items.stream().filter(i -> i.reference().equals(reference)).findFirst()
                .orElseThrow(() -> new NotFoundException("La demande " + reference
                        + " n'est pas inscrite à l'ordre du jour de la séance " + id));
    }

    void removeItem(AgendaItem item) {
        requireStatus(SessionStatus.PREPARATION, "modifier l'ordre du jour");
        items.remove(item);
        for (int i = 0; i < items.size(); i++) {
            items.get(i).renumber(i + 1);
        }
    }

    /** Fixes the agenda: the convocation goes with it, at least 5 jours francs before the séance. */
    void convene(Collection<Long> recipients) {
        requireStatus(SessionStatus.PREPARATION, "arrêter l'ordre du jour");
        if (items.isEmpty()) {
            throw new StageConflictException("L'ordre du jour de la séance est vide : inscrivez au moins une demande.");
        }
        boolean urgent = urgencyReason != null;
        if (!Convocation.isTimely(convocationSentOn, sessionDate, urgent)) {
            throw new StageConflictException("La convocation envoyée le " + FrenchText.date(convocationSentOn)
                    + " ne laisse que " + Convocation.clearDays(convocationSentOn, sessionDate)
                    + " jour(s) franc(s) avant la séance du " + FrenchText.date(sessionDate)
                    + " (ni le jour d'envoi ni celui de la séance ne comptent) : il en faut " + Convocation.requiredDays(urgent)
                    + (urgent ? ", même en urgence" : "") + " (article L2121-12 du CGCT).");
        }
        convocationRecipients.clear();
        convocationRecipients.addAll(recipients);
        this.status = SessionStatus.CONVENED;
    }

    /** The first attendance sheet opens the séance. */
    void open() {
        if (status == SessionStatus.CONVENED) {
            this.status = SessionStatus.SITTING;
        }
        requireStatus(SessionStatus.SITTING, "enregistrer les présences");
    }

    void replaceAttendance(List<AttendanceEntry> entries) {
        if (attendance.isEmpty()) {
            openingSeats.clear();
            entries.forEach(e -> openingSeats.add(new Seat(e.memberId(), e.present(), e.proxyHolderId())));
        }
        attendance.clear();
        attendance.addAll(entries);
    }

    /** A séance convened again after a first one without quorum deliberates whatever the number present. */
    public boolean deliberatesWithoutQuorum() {
        return reconvenedFromId != null;
    }

    void reconvenedFrom(AssemblySession first) {
        this.reconvenedFromId = first.id();
    }

    void reconvenedAs(AssemblySession next) {
        this.reconvenedAsId = next.id();
    }

    public Long reconvenedFromId() {
        return reconvenedFromId;
    }

    public Long reconvenedAsId() {
        return reconvenedAsId;
    }

    public List<Seat> openingSeats() {
        return List.copyOf(openingSeats);
    }

    /** The position of the next item to be called, or null when every item is settled. */
    Integer nextItemPosition() {
        return items.stream().filter(i -> !i.isSettled()).map(AgendaItem::position).min(Integer::compare).orElse(null);
    }

    void close() {
        requireClosable();
        this.status = SessionStatus.CLOSED;
    }

    void requireClosable() {
        requireStatus(SessionStatus.SITTING, "clôturer la séance");
        long pending = items.stream().filter(i -> !i.isSettled()).count();
        if (pending > 0) {
            throw new StageConflictException("La séance ne peut être close : " + pending + " point(s) de l'ordre du jour restent à voter"
                    + " ou à ajourner.");
        }
    }

    /**
     * What the secretariat records of a séance — who sits, arrivals and departures, the vote or the adjournment of each
     * item, the closing — is the record of a séance held: it is taken from the sheets of the sitting, on its day or on a
     * later one (the secretariat often types the paper sheets in the next day), never before the day comes.
     * {@code today} is the date in the authority's time zone.
     */
    void requireHeldBy(LocalDate today) {
        if (today.isBefore(sessionDate)) {
            throw new StageConflictException("La séance du " + FrenchText.longDate(sessionDate)
                    + " n'a pas encore eu lieu (nous sommes le " + FrenchText.longDate(today)
                    + ") : les présences, les arrivées et départs, les votes, les ajournements et la clôture de la séance ne "
                    + "peuvent être enregistrés qu'à partir de ce jour.");
        }
    }

    void requireStatus(SessionStatus expected, String action) {
        if (status != expected) {
            throw new StageConflictException("Impossible de " + action + " : la séance " + id + " est " + status.label() + ".");
        }
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long id() {
        return id;
    }

    public AssemblyBody body() {
        return body;
    }

    public LocalDate sessionDate() {
        return sessionDate;
    }

    public String place() {
        return place;
    }

    public Member president() {
        return president;
    }

    public Member secretary() {
        return secretary;
    }

    public LocalDate convocationSentOn() {
        return convocationSentOn;
    }

    public String urgencyReason() {
        return urgencyReason;
    }

    public Set<Long> convocationRecipients() {
        return Set.copyOf(convocationRecipients);
    }

    public SessionStatus status() {
        return status;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public List<AgendaItem> items() {
        return List.copyOf(items);
    }

    public List<AttendanceEntry> attendance() {
        return List.copyOf(attendance);
    }
}
