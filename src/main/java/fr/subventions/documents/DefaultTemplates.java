package fr.subventions.documents;

import fr.subventions.submission.DocumentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The templates shipped for Dijon Métropole, written with POI the first time the template folder lacks them. They are
 * ordinary .docx files: the authority changes wording, layout, logo or letterhead in Word or LibreOffice, keeping the
 * placeholders listed in the README.
 */
final class DefaultTemplates {

    private static final String AUTHORITY = "DIJON MÉTROPOLE";
    private static final String ADDRESS = "40 avenue du Drapeau – CS 17510 – 21075 Dijon Cedex";

    private DefaultTemplates() {
    }

    static byte[] build(DocumentType kind) {
        Doc doc = new Doc();
        switch (kind) {
            case ACKNOWLEDGEMENT -> acknowledgement(doc);
            case MISSING_ITEMS_REQUEST -> missingItems(doc);
            case INSTRUCTION_REPORT -> instructionReport(doc);
            case CONVOCATION -> convocation(doc);
            case DELIBERATION_EXTRACT -> extract(doc);
            case CONVENTION -> convention(doc);
            case NOTIFICATION_GRANTED -> granted(doc);
            case NOTIFICATION_REJECTED -> rejected(doc);
            case MINUTES -> minutes(doc);
            case REMINDER -> reminder(doc);
            case ENGAGEMENT_SHEET -> throw new IllegalArgumentException("the engagement sheet is a workbook, built in code");
        }
        return doc.bytes();
    }

    private static void letterhead(Doc doc, String subject) {
        doc.p(AUTHORITY, Doc.BOLD);
        doc.p(ADDRESS, Doc.SMALL);
        doc.blank();
        doc.p("{{applicantName}}", Doc.RIGHT);
        doc.p("À l'attention de {{representative}}", Doc.RIGHT);
        doc.p("{{applicantAddress}}", Doc.RIGHT);
        doc.blank();
        doc.p("Dijon, le {{today}}", Doc.RIGHT);
        doc.blank();
        doc.p(subject, Doc.BOLD);
        doc.blank();
        doc.p("Madame, Monsieur,");
    }

    private static void closing(Doc doc, String signature) {
        doc.p("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");
        doc.blank();
        doc.p(signature, Doc.RIGHT);
    }

    private static void acknowledgement(Doc doc) {
        letterhead(doc, "Objet : accusé de réception de votre demande de subvention n° {{reference}}");
        doc.p("Nous accusons réception, le {{submittedOn}}, de votre demande de subvention intitulée « {{title}} », "
                + "au titre de l'exercice {{fiscalYear}}.");
        doc.p("Montant sollicité : {{requestedAmount}}, pour un budget total de l'action de {{totalBudget}}.");
        doc.p("Votre dossier est transmis au service instructeur, qui en vérifie la complétude. S'il manque des pièces, "
                + "elles vous seront demandées avec un délai pour les transmettre.");
        doc.p("Le présent accusé de réception ne vaut pas décision d'attribution : une subvention n'est accordée que par "
                + "délibération de l'assemblée compétente.");
        doc.p("Vous pouvez suivre l'avancement de votre demande depuis votre espace, sous la référence {{reference}}.");
        closing(doc, "Le service instructeur");
    }

    private static void missingItems(Doc doc) {
        letterhead(doc, "Objet : demande de pièces complémentaires – dossier n° {{reference}}");
        doc.p("L'examen de votre demande de subvention « {{title}} » fait apparaître que le dossier est incomplet. "
                + "Nous vous remercions de nous transmettre les pièces suivantes :");
        doc.p("{{*missingItems}}", Doc.INDENT);
        doc.p("{{comment}}");
        doc.p("Ces pièces sont à déposer depuis votre espace au plus tard le {{deadline}}.", Doc.BOLD);
        doc.p("À défaut de réception dans ce délai, votre demande sera classée sans suite comme irrecevable.");
        closing(doc, "Le service instructeur");
    }

    private static void instructionReport(Doc doc) {
        doc.p(AUTHORITY, Doc.BOLD);
        doc.blank();
        doc.p("RAPPORT D'INSTRUCTION", Doc.TITLE);
        doc.p("Dossier n° {{reference}} – exercice {{fiscalYear}}", Doc.CENTER);
        doc.blank();
        doc.p("Demandeur : {{applicantName}} ({{legalForm}}, SIRET {{siret}}{{rna}})");
        doc.p("Objet : {{title}}");
        doc.p("Thématique : {{theme}}");
        doc.blank();
        doc.p("Avis du service instructeur : {{opinion}}", Doc.BOLD);
        doc.p("Montant sollicité : {{requestedAmount}}");
        doc.p("Montant proposé : {{proposedAmount}}");
        doc.blank();
        doc.p("Plan de financement de l'action", Doc.BOLD);
        doc.table(new String[] {"Financeur", "Montant"}, new String[] {"{{#financing.funder}}", "{{#financing.amount}}"},
                new String[] {"Budget total de l'action", "{{totalBudget}}"});
        doc.blank();
        doc.p("Imputation budgétaire proposée", Doc.BOLD);
        doc.table(new String[] {"Ligne budgétaire", "Libellé", "Montant"},
                new String[] {"{{#lines.code}}", "{{#lines.label}}", "{{#lines.amount}}"}, null);
        doc.blank();
        doc.p("Rapport", Doc.BOLD);
        doc.p("{{*report}}", Doc.JUSTIFY);
        doc.blank();
        doc.p("Instruit par {{officer}}, le {{instructedOn}}.", Doc.RIGHT);
    }

    private static void convocation(Doc doc) {
        doc.p(AUTHORITY, Doc.BOLD);
        doc.p(ADDRESS, Doc.SMALL);
        doc.blank();
        doc.p("CONVOCATION", Doc.TITLE);
        doc.p("{{bodyLabel}}", Doc.CENTER);
        doc.blank();
        doc.p("Madame, Monsieur,");
        doc.p("J'ai l'honneur de vous convier à la séance du {{bodyLabel}} qui se tiendra le {{sessionDate}}, {{place}}.");
        doc.p("Convocation envoyée le {{convocationSentOn}}.");
        doc.blank();
        doc.p("ORDRE DU JOUR", Doc.TITLE);
        doc.p("{{*agenda}}");
        doc.blank();
        doc.p("{{*credits}}");
        doc.blank();
        doc.p("Le Président,", Doc.RIGHT);
        doc.p("{{president}}", Doc.RIGHT);
    }

    /** The layout of the register's extract, as in the Bureau's deliberation of 14 September 2023. */
    private static void extract(Doc doc) {
        doc.p("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", Doc.TITLE);
        doc.p("du {{bodyLabel}} de Dijon métropole", Doc.CENTER);
        doc.blank();
        doc.p("Séance du {{sessionDate}}", Doc.CENTER);
        doc.blank();
        doc.p("Président : {{president}}");
        doc.p("Secrétaire de séance : {{secretary}}");
        doc.p("Convocation envoyée le {{convocationSentOn}}");
        doc.blank();
        doc.p("Nombre de membres du {{bodyLabel}} : {{members}}");
        doc.p("Nombre de membres en exercice : {{inOffice}}");
        doc.blank();
        doc.p("Nombre de présents participant au vote : {{presentVoting}}");
        doc.p("Nombre de procurations : {{proxies}}");
        doc.p("{{*quorumNote}}");
        doc.blank();
        doc.p("Membres présents :", Doc.BOLD);
        doc.p("{{*presentMembers}}");
        doc.blank();
        doc.p("Membres absents :", Doc.BOLD);
        doc.p("{{*absentMembers}}");
        doc.p("{{*proxyLines}}");
        doc.p("{{*notParticipating}}");
        doc.blank();
        doc.p("OBJET : {{theme}}", Doc.BOLD);
        doc.p("{{itemTitle}}", Doc.BOLD);
        doc.blank();
        doc.p("{{*report}}", Doc.JUSTIFY);
        doc.blank();
        doc.p("{{deciding}},");
        doc.p("après en avoir délibéré, décide :");
        doc.blank();
        doc.p("{{*decisions}}", Doc.JUSTIFY);
        doc.blank();
        doc.p("SCRUTIN POUR : {{for}}\tABSTENTION : {{abstention}}", Doc.BOLD);
        doc.p("CONTRE : {{against}}\tNE SE PRONONCE PAS : {{notVoting}}", Doc.BOLD);
        doc.p("DONT {{proxyVotes}} PROCURATION(S)", Doc.BOLD);
        doc.blank();
        doc.p("Le secrétaire,");
        doc.p("{{secretary}}");
        doc.blank();
        doc.p("Le Président,");
        doc.p("{{president}}");
    }

    /** The procès-verbal (ordonnance 2021-1310): who sat, the quorum, each item's result with the names, what was adopted. */
    private static void minutes(Doc doc) {
        doc.p(AUTHORITY, Doc.BOLD);
        doc.blank();
        doc.p("PROCÈS-VERBAL", Doc.TITLE);
        doc.p("de la séance du {{bodyLabel}} du {{sessionDate}}", Doc.CENTER);
        doc.blank();
        doc.p("Lieu : {{place}}");
        doc.p("Président : {{president}}");
        doc.p("Secrétaire de séance : {{secretary}}");
        doc.p("Convocation envoyée le {{convocationSentOn}}{{urgency}}");
        doc.blank();
        doc.p("Membres en exercice : {{inOffice}} – présents : {{present}} – représentés : {{proxies}} – absents : {{absent}}");
        doc.p("{{quorum}}");
        doc.p("{{*quorumNotes}}");
        doc.blank();
        doc.p("Membres présents à l'ouverture :", Doc.BOLD);
        doc.p("{{*presentMembers}}");
        doc.p("Membres représentés :", Doc.BOLD);
        doc.p("{{*proxyLines}}");
        doc.p("Membres absents :", Doc.BOLD);
        doc.p("{{*absentMembers}}");
        doc.p("{{*movements}}");
        doc.blank();
        doc.p("ORDRE DU JOUR ET DÉLIBÉRATIONS", Doc.TITLE);
        doc.p("{{*items}}");
        doc.blank();
        doc.p("LISTE DES DÉLIBÉRATIONS ADOPTÉES", Doc.TITLE);
        doc.p("(à publier dans la semaine qui suit la séance)", Doc.CENTER);
        doc.p("{{*adopted}}");
        doc.blank();
        doc.p("Le secrétaire de séance,");
        doc.p("{{secretary}}");
        doc.blank();
        doc.p("Le Président,");
        doc.p("{{president}}");
    }

    private static void convention(Doc doc) {
        doc.p(AUTHORITY, Doc.BOLD);
        doc.blank();
        doc.p("CONVENTION D'ATTRIBUTION D'UNE SUBVENTION", Doc.TITLE);
        doc.p("Dossier n° {{reference}} – exercice {{fiscalYear}}", Doc.CENTER);
        doc.blank();
        doc.p("ENTRE", Doc.BOLD);
        doc.p("Dijon Métropole, 40 avenue du Drapeau, 21000 Dijon, représentée par son Président, {{president}}, "
                + "autorisé par délibération du {{bodyLabel}} du {{decisionDate}}, ci-après « Dijon Métropole »,", Doc.JUSTIFY);
        doc.p("ET", Doc.BOLD);
        doc.p("{{applicantName}}, {{legalForm}}, SIRET {{siret}}{{rna}}, dont le siège est {{applicantAddress}}, "
                + "représentée par {{representative}}, ci-après « le bénéficiaire »,", Doc.JUSTIFY);
        doc.blank();
        doc.p("{{*framework}}", Doc.JUSTIFY);
        doc.p("IL EST CONVENU CE QUI SUIT :", Doc.BOLD);
        doc.p("Article 1 – Objet", Doc.BOLD);
        doc.p("La présente convention définit les conditions dans lesquelles Dijon Métropole soutient l'action "
                + "« {{title}} » portée par le bénéficiaire au titre de l'exercice {{fiscalYear}}.", Doc.JUSTIFY);
        doc.p("Article 2 – Montant de la subvention", Doc.BOLD);
        doc.p("Dijon Métropole attribue au bénéficiaire une subvention de {{grantedAmount}} ({{grantedAmountInWords}}), "
                + "pour un budget prévisionnel de l'action de {{totalBudget}}. Les crédits sont prélevés sur le budget de "
                + "l'exercice {{fiscalYear}} : {{budgetLines}}.", Doc.JUSTIFY);
        doc.p("Article 3 – Conditions d'utilisation", Doc.BOLD);
        doc.p("La subvention est exclusivement affectée à l'action décrite à l'article 1. Toute somme non utilisée ou "
                + "utilisée à d'autres fins est reversée à Dijon Métropole.", Doc.JUSTIFY);
        doc.p("Article 4 – Modalités de versement", Doc.BOLD);
        doc.p("{{paymentTerms}}", Doc.JUSTIFY);
        doc.p("Article 5 – Obligations du bénéficiaire", Doc.BOLD);
        doc.p("{{*obligations}}", Doc.JUSTIFY);
        doc.p("Article 6 – Durée", Doc.BOLD);
        doc.p("La présente convention prend effet à sa signature par les deux parties. Elle prend fin à la remise du "
                + "compte rendu financier, et au plus tard le {{endDate}}.", Doc.JUSTIFY);
        doc.p("Article 7 – Résiliation", Doc.BOLD);
        doc.p("En cas de manquement du bénéficiaire à ses obligations, Dijon Métropole peut résilier la présente convention "
                + "après mise en demeure restée sans effet pendant un mois, et exiger le reversement de la subvention.", Doc.JUSTIFY);
        doc.blank();
        doc.p("Fait à Dijon, en deux exemplaires originaux.");
        doc.blank();
        doc.table(new String[] {"Pour le bénéficiaire,", "Pour Dijon Métropole,"}, null,
                new String[] {"{{representative}}\nDate : {{beneficiarySignedOn}}", "Le Président, {{president}}\nDate : {{presidentSignedOn}}"});
    }

    private static void granted(Doc doc) {
        letterhead(doc, "Objet : notification de l'attribution d'une subvention – dossier n° {{reference}}");
        doc.p("J'ai le plaisir de vous informer que, par délibération du {{decisionDate}}, le {{bodyLabel}} de Dijon "
                + "Métropole vous a attribué une subvention de {{grantedAmount}} ({{grantedAmountInWords}}) pour l'action "
                + "« {{title}} ».", Doc.JUSTIFY);
        doc.p("{{conventionTerms}} Les crédits sont engagés sous le numéro {{engagements}}.", Doc.JUSTIFY);
        doc.p("Je vous rappelle que le compte rendu financier de l'action est à remettre au plus tard le {{reportDue}}.");
        closing(doc, "Le Président,\n{{president}}");
    }

    /** A reminder to the beneficiary: what is awaited, by when, and what happens otherwise. */
    private static void reminder(Doc doc) {
        letterhead(doc, "Objet : {{subject}} – dossier n° {{reference}}");
        doc.p("{{*paragraphs}}", Doc.JUSTIFY);
        closing(doc, "Pour le Président,\nLe service instructeur");
    }

    private static void rejected(Doc doc) {
        letterhead(doc, "Objet : suite donnée à votre demande de subvention – dossier n° {{reference}}");
        doc.p("J'ai le regret de vous informer que votre demande de subvention « {{title}} », d'un montant de "
                + "{{requestedAmount}}, n'a pu recevoir une suite favorable.", Doc.JUSTIFY);
        doc.p("Motif : {{reason}}", Doc.JUSTIFY);
        doc.p("Cette décision peut être contestée devant le tribunal administratif de Dijon dans un délai de deux mois à "
                + "compter de sa notification.", Doc.JUSTIFY);
        closing(doc, "Le Président,\n{{president}}");
    }

    /** A small builder over XWPF: A4, 2 cm margins, Liberation Sans (metric-compatible with Arial) 11 pt. */
    static final class Doc {

        static final int BOLD = 1;
        static final int CENTER = 2;
        static final int RIGHT = 4;
        static final int SMALL = 8;
        static final int TITLE = 16;
        static final int JUSTIFY = 32;
        static final int INDENT = 64;

        private final XWPFDocument document = new XWPFDocument();

        Doc() {
            CTSectPr section = document.getDocument().getBody().addNewSectPr();
            CTPageSz size = section.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            CTPageMar margins = section.addNewPgMar();
            for (BigInteger twips : new BigInteger[] {BigInteger.valueOf(1134)}) {
                margins.setTop(twips);
                margins.setBottom(twips);
                margins.setLeft(twips);
                margins.setRight(twips);
            }
        }

        void p(String text) {
            p(text, 0);
        }

        void p(String text, int style) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setSpacingAfter(60);
            if ((style & (CENTER | TITLE)) != 0) {
                paragraph.setAlignment(ParagraphAlignment.CENTER);
            } else if ((style & RIGHT) != 0) {
                paragraph.setAlignment(ParagraphAlignment.RIGHT);
            } else if ((style & JUSTIFY) != 0) {
                paragraph.setAlignment(ParagraphAlignment.BOTH);
            }
            if ((style & INDENT) != 0) {
                paragraph.setIndentationLeft(567);
            }
            XWPFRun run = paragraph.createRun();
            run.setFontFamily("Liberation Sans");
            run.setFontSize((style & SMALL) != 0 ? 9 : (style & TITLE) != 0 ? 13 : 11);
            run.setBold((style & (BOLD | TITLE)) != 0);
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    run.addBreak();
                }
                run.setText(lines[i], i);
            }
        }

        void blank() {
            document.createParagraph();
        }

        /** A table with a header row, an optional repeated row and an optional closing row. */
        void table(String[] headers, String[] repeated, String[] last) {
            XWPFTable table = document.createTable(1, headers.length);
            table.setWidth("100%");
            fill(table.getRow(0), headers, true);
            if (repeated != null) {
                fill(table.createRow(), repeated, false);
            }
            if (last != null) {
                fill(table.createRow(), last, repeated != null);
            }
        }

        private static void fill(XWPFTableRow row, String[] texts, boolean bold) {
            for (int i = 0; i < texts.length; i++) {
                XWPFParagraph paragraph = row.getCell(i).getParagraphs().get(0);
                XWPFRun run = paragraph.createRun();
                run.setFontFamily("Liberation Sans");
                run.setFontSize(10);
                run.setBold(bold);
                String[] lines = texts[i].split("\n");
                for (int l = 0; l < lines.length; l++) {
                    if (l > 0) {
                        run.addBreak();
                    }
                    run.setText(lines[l], l);
                }
            }
        }

        byte[] bytes() {
            try (document) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
