package fr.subventions.bureau;

import java.time.LocalDate;

/** The new convocation of an assembly that lacked quorum: the date of the new séance, its place and the sending date. */
public record ConveneAgain(LocalDate date, String place, LocalDate convocationSentOn, String urgencyReason) {
}
