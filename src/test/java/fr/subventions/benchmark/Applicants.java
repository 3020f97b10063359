package fr.subventions.benchmark;

import fr.subventions.submission.Siret;
import java.util.List;

/**
 * Applicants for the copied requests of part 3: a copy keeps its template's project and stage but gets one of some 22 000
 * bodies of the métropole — a kind, a name and a commune, « Comité Bachelard de Quetigny » — each with its own SIREN
 * (its SIRET's first nine digits) and RNA number, so that each files about five of the 100 000 requests, as the
 * authority's regular applicants do over the years. The worklist's search is measured on them.
 */
final class Applicants {

    static final List<String> KINDS = List.of("Association", "Comité", "Club", "Fédération", "Union", "Collectif", "Amicale",
            "Maison");
    static final List<String> NAMES = List.of("Bachelard", "Rameau", "Eiffel", "Buffon", "Bossuet", "Vauban", "Colette",
            "Lamartine", "Piron", "Crébillon", "Rude", "Darcy", "Niépce", "Carnot", "Monge", "Daubenton", "Jouffroy",
            "Mathieu", "Guyton", "Bouhier", "Chaussier", "Courtépée", "Févret", "Legouz", "Morveau", "Pasteur", "Proudhon",
            "Berlioz", "Lamarck", "Fourier", "Cuvier", "Ampère", "Arago", "Carpeaux", "Chevreul", "Condorcet", "Daguerre",
            "Delacroix", "Diderot", "Dolet", "Dumas", "Fabre", "Flaubert", "Fresnel", "Gay-Lussac", "Gounod", "Hugo",
            "Jaurès", "Lavoisier", "Lumière", "Mariotte", "Massenet", "Michelet", "Molière", "Montaigne", "Nadar",
            "Nodier", "Pascal", "Péguy", "Perrault", "Poussin", "Racine", "Ravel", "Renoir", "Rimbaud", "Rousseau",
            "Sand", "Satie", "Stendhal", "Taine", "Verne", "Vigée", "Voltaire", "Watteau", "Zola", "Aragon", "Balzac",
            "Baudelaire", "Bizet", "Braille", "Camus", "Cassin", "Chopin", "Claudel", "Cocteau", "Corot", "Courbet",
            "Curie", "Debussy", "Degas", "Dunant", "Éluard", "Fauré", "Gauguin", "Giono", "Hugo-Lefèvre", "Ingres",
            "Lully", "Magritte", "Malraux", "Manet", "Matisse", "Mauriac", "Monet", "Moulin", "Offenbach", "Pagnol",
            "Prévert", "Proust", "Rodin", "Ronsard", "Saint-Exupéry", "Sartre", "Schœlcher", "Signac", "Truffaut",
            "Utrillo", "Valéry", "Vian", "Weil", "Yourcenar");
    static final List<String> COMMUNES = List.of("Dijon", "Chenôve", "Talant", "Quetigny", "Longvic", "Fontaine-lès-Dijon",
            "Chevigny-Saint-Sauveur", "Saint-Apollinaire", "Marsannay-la-Côte", "Plombières-lès-Dijon", "Ahuy",
            "Bretenière", "Corcelles-les-Monts", "Crimolois", "Daix", "Fénay", "Flavignerot", "Hauteville-lès-Dijon",
            "Magny-sur-Tille", "Neuilly-Crimolois", "Ouges", "Perrigny-lès-Dijon", "Sennecey-lès-Dijon");
    static final int COUNT = KINDS.size() * NAMES.size() * COMMUNES.size();

    record Applicant(String name, String siret, String rna) {
    }

    private Applicants() {
    }

    /** The applicant of the n-th copy: the copies of one body are spread over the whole run, not side by side. */
    static Applicant of(long copy) {
        int body = (int) ((copy * 7919L) % COUNT);
        String name = KINDS.get(body % KINDS.size()) + " " + NAMES.get(body / KINDS.size() % NAMES.size()) + " de "
                + COMMUNES.get(body / (KINDS.size() * NAMES.size()));
        String siren = "8" + String.format("%08d", body);
        return new Applicant(name, siret(siren), "W8" + String.format("%08d", body));
    }

    /** The body's head office: its SIREN, 0001 and the Luhn key that makes the SIRET valid. */
    static String siret(String siren) {
        for (int key = 0; key <= 9; key++) {
            String candidate = siren + "0001" + key;
            if (Siret.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Luhn key for " + siren);
    }
}
