package fr.subventions.submission;

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
import java.time.Instant;

/** One step of a request's history: when, who, the stage reached and what was decided. */
@Entity
@Table(name = "stage_event")
public class StageEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private SubsidyRequest request;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RequestStatus stage;

    @Column(nullable = false, length = 1000)
    private String result;

    protected StageEvent() {
    }

    StageEvent(SubsidyRequest request, Instant at, String actor, RequestStatus stage, String result) {
        this.request = request;
        this.at = at;
        this.actor = actor;
        this.stage = stage;
        this.result = result;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public RequestStatus stage() {
        return stage;
    }

    public String result() {
        return result;
    }
}
