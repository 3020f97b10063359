package fr.subventions.system;

import fr.subventions.budget.DemoBudget;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.Civility;
import fr.subventions.bureau.Member;
import fr.subventions.bureau.MemberRepository;
import fr.subventions.shared.Caller;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's data: the Bureau métropolitain as it sat on 14 September 2023, budget lines for 2023 to 2025,
 * and one user per role (password = user name). Loaded once: a restart finds it and adds nothing.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** The 43 members of the Bureau métropolitain named in the deliberation of 14 September 2023, President first. */
    /** The demo's assumption: the Bureau elected by the council installed after the elections of 2020. */
    static final LocalDate BUREAU_ELECTED_ON = LocalDate.of(2020, 7, 16);

    static final List<String[]> BUREAU = List.of(
            m("M", "François", "REBSAMEN"), m("M", "Thierry", "FALCONNET"), m("M", "Rémi", "DETANG"),
            m("M", "Jean-François", "DODET"), m("F", "Françoise", "TENENBAUM"), m("M", "Jean-Patrick", "MASSON"),
            m("F", "Danielle", "JUBAN"), m("M", "Philippe", "LEMANCEAU"), m("F", "Marie-Hélène", "JUILLARD-RANDRIAN"),
            m("F", "Christine", "MARTIN"), m("M", "Antoine", "HOAREAU"), m("M", "Nicolas", "BOURNY"),
            m("F", "Céline", "TONOT"), m("F", "Nadjoua", "BELHADEF"), m("M", "Hamid", "EL HASSOUNI"),
            m("M", "Guillaume", "RUET"), m("M", "Laurent", "GOBET"), m("M", "Nicolas", "SCHOUTITH"),
            m("F", "Ludmila", "MONTEIRO"), m("M", "Jean-Michel", "VERPILLOT"), m("M", "Lionel", "SANCHEZ"),
            m("M", "Gérard", "HERRMANN"), m("F", "Dominique", "BEGIN-CLAUDET"), m("M", "Didier", "RELOT"),
            m("M", "Patrick", "BAUDEMENT"),
            m("M", "Patrick", "CHAPUIS"), m("M", "Jacques", "CARRELET DE LOISY"), m("F", "Monique", "BAYARD"),
            m("M", "Pierre", "PRIBETICH"), m("F", "Nathalie", "KOENDERS"), m("F", "Sladana", "ZIVKOVIC"),
            m("M", "François", "DESEILLE"), m("M", "Dominique", "GRIMPRET"), m("M", "Jean-Claude", "GIRARD"),
            m("F", "Claire", "TOMASELLI"), m("F", "Brigitte", "POPARD"), m("F", "Océane", "GODARD"),
            m("M", "Denis", "HAMEAU"), m("F", "Nuray", "AKPINAR-ISTIQUAM"), m("F", "Dominique", "MARTIN-GENDRE"),
            m("F", "Karine", "HUON-SAVINA"), m("M", "Jean", "DUBUET"), m("M", "Philippe", "BELLEVILLE"));

    static final List<String> GROUPS = List.of(Caller.APPLICANTS, Caller.OFFICERS, Caller.SECRETARIAT, Caller.FINANCE);

    private final IdentityService identity;
    private final MemberRepository members;
    private final DemoBudget budget;

    DemoData(IdentityService identity, MemberRepository members, DemoBudget budget) {
        this.identity = identity;
        this.members = members;
        this.budget = budget;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (String group : GROUPS) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group g = identity.newGroup(group);
                g.setName(group);
                g.setType("WORKFLOW");
                identity.saveGroup(g);
            }
        }
        user("demandeur", "Association", "OF du Numérique", Caller.APPLICANTS);
        user("instructeur", "Claire", "Instructrice", Caller.OFFICERS);
        user("secretariat", "Paul", "Secrétariat des assemblées", Caller.SECRETARIAT);
        user("finances", "Inès", "Finances", Caller.FINANCE);
        for (String group : GROUPS) {
            if (identity.createUserQuery().userId("demo").memberOfGroup(group).count() == 0
                    && identity.createUserQuery().userId("demo").count() == 1) {
                identity.createMembership("demo", group);
            }
        }
        if (members.countByBody(AssemblyBody.BUREAU) == 0) {
            for (String[] m : BUREAU) {
                members.save(new Member(AssemblyBody.BUREAU, "F".equals(m[0]) ? Civility.MADAME : Civility.MONSIEUR, m[1], m[2],
                        BUREAU_ELECTED_ON));
            }
            LOG.info("Demo data: {} members of the Bureau métropolitain", BUREAU.size());
        }
        budget.load();
    }

    private void user(String id, String firstName, String lastName, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(id);
        user.setEmail(id + "@demo.invalid");
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private static String[] m(String civility, String firstName, String lastName) {
        return new String[] {civility, firstName, lastName};
    }
}
