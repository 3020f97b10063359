package fr.subventions.consultation;

import fr.subventions.shared.Caller;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code subventions.opinions.*}: the services an officer may consult, by staff group with the label users read, and
 * when the one asked is reminded of the deadline.
 */
@ConfigurationProperties(prefix = "subventions.opinions")
public class OpinionSettings {

    /** The staff groups whose members work in the back office and Tasklist: the only ones that can be asked. */
    static final Set<String> STAFF_GROUPS = Set.of(Caller.OFFICERS, Caller.FINANCE, Caller.SECRETARIAT);

    /**
     * The staff groups that may be asked for an opinion, each with its French label, in the order the page offers
     * (application.yml gives the three staff groups). A list of {@code group} and {@code label} rather than a map keyed
     * by group: a key « secretariat » would read as a secret to whoever checks the configuration for them.
     */
    private List<Service> services = new ArrayList<>();

    /** A service that may be consulted: its staff group, and the label users read. */
    public static class Service {

        private String group;
        private String label;

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }
    }

    /** How many days before the deadline the one asked is reminded. */
    private int reminderDaysBefore = 2;

    /** At what time of day, in the authority's time zone, the reminder goes. */
    private LocalTime reminderTime = LocalTime.of(9, 0);

    /** How far ahead a deadline may be set, in days. */
    private int maxDelayDays = 365;

    public List<Service> getServices() {
        return services;
    }

    public void setServices(List<Service> services) {
        this.services = new ArrayList<>(services);
    }

    /** The services by group, with their labels, in the configuration's order. */
    public Map<String, String> servicesByGroup() {
        Map<String, String> byGroup = new LinkedHashMap<>();
        for (Service service : services) {
            byGroup.put(service.getGroup(), service.getLabel() == null || service.getLabel().isBlank() ? service.getGroup()
                    : service.getLabel());
        }
        return byGroup;
    }

    /** Refuses, at start-up, a service that is no staff group. */
    void check() {
        for (String group : servicesByGroup().keySet()) {
            if (!STAFF_GROUPS.contains(group)) {
                throw new IllegalArgumentException("subventions.opinions.services: " + group + " is not a staff group ("
                        + String.join(", ", STAFF_GROUPS.stream().sorted().toList()) + "): its members could not work the"
                        + " opinion's task");
            }
        }
    }

    public int getReminderDaysBefore() {
        return reminderDaysBefore;
    }

    public void setReminderDaysBefore(int reminderDaysBefore) {
        if (reminderDaysBefore < 0) {
            throw new IllegalArgumentException("subventions.opinions.reminder-days-before: 0 or more days, not "
                    + reminderDaysBefore);
        }
        this.reminderDaysBefore = reminderDaysBefore;
    }

    public LocalTime getReminderTime() {
        return reminderTime;
    }

    public void setReminderTime(LocalTime reminderTime) {
        this.reminderTime = reminderTime;
    }

    public int getMaxDelayDays() {
        return maxDelayDays;
    }

    public void setMaxDelayDays(int maxDelayDays) {
        if (maxDelayDays < 1) {
            throw new IllegalArgumentException("subventions.opinions.max-delay-days: 1 or more days, not " + maxDelayDays);
        }
        this.maxDelayDays = maxDelayDays;
    }

    /** The service's label, or its group id when the configuration names none. */
    public String label(String group) {
        return servicesByGroup().getOrDefault(group, group);
    }
}
