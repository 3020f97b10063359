package fr.subventions.bureau;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** How one member voted on one item (public ballot), and who cast it: the member or their proxy's holder. */
@Entity
@Table(name = "ballot")
public class Ballot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agenda_item_id")
    private AgendaItem item;

    @Column(nullable = false)
    private Long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Choice choice;

    @Column(nullable = false)
    private Long castBy;

    protected Ballot() {
    }

    Ballot(AgendaItem item, Long memberId, Choice choice, Long castBy) {
        this.item = item;
        this.memberId = memberId;
        this.choice = choice;
        this.castBy = castBy;
    }

    public Long memberId() {
        return memberId;
    }

    public Choice choice() {
        return choice;
    }

    public Long castBy() {
        return castBy;
    }

    public boolean byProxy() {
        return !memberId.equals(castBy);
    }
}
