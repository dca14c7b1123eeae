/**
 * CV files: the text of an uploaded CV (PDF, DOCX, ODT, RTF, TXT, HTML), extracted in memory within size, time and
 * structure limits, then searched like a pasted CV. Entry point: {@link io.jobmatch.cv.CvFileSearch}; the extraction
 * itself sits behind {@link io.jobmatch.cv.CvTextExtractor} (Apache Tika adapter: {@code TikaCvTextExtractor}).
 * Nothing of a CV is stored or logged: the bytes and the text live only for the request (README, "CV privacy").
 */
package io.jobmatch.cv;
