package fr.subventions.bureau;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One member's place in a roll taken at a given moment: present, or absent with or without a proxy. */
@Embeddable
public class Seat {

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(nullable = false)
    private boolean present;

    private Long proxyHolderId;

    protected Seat() {
    }

    Seat(Long memberId, boolean present, Long proxyHolderId) {
        this.memberId = memberId;
        this.present = present;
        this.proxyHolderId = proxyHolderId;
    }

    static List<Seat> of(Roll roll, Collection<Long> inOffice) {
        return inOffice.stream().map(id -> new Seat(id, roll.isPresent(id), roll.holderOf(id))).toList();
    }

    /** The roll these seats describe; they were checked when recorded. */
    static Roll roll(Collection<Seat> seats) {
        Map<Integer, Roll.Proxy> proxies = new LinkedHashMap<>();
        for (Seat seat : seats) {
            if (seat.proxyHolderId != null) {
                proxies.put(proxies.size(), new Roll.Proxy(seat.memberId, seat.proxyHolderId));
            }
        }
        return Roll.of(seats.stream().map(Seat::memberId).toList(),
                seats.stream().filter(Seat::present).map(Seat::memberId).toList(), List.of(), proxies);
    }

    public Long memberId() {
        return memberId;
    }

    public boolean present() {
        return present;
    }

    public Long proxyHolderId() {
        return proxyHolderId;
    }
}
