package fr.subventions.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last number handed out in a series (request references per year, engagement numbers per year). */
@Entity
@Table(name = "sequence_counter")
class SequenceCounter {

    @Id
    @Column(length = 50)
    private String name;

    @Column(nullable = false)
    private long lastValue;

    protected SequenceCounter() {
    }
}
