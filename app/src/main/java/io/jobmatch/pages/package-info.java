/**
 * The two web pages people use: the candidate page {@code /{lang}/} (paste or upload a CV, see matching open offers
 * in the page's language) and the recruiter page {@code /{lang}/recruiter} (find any offer, see its similar roles,
 * past ones included). Server-rendered Thymeleaf templates that work without JavaScript; one small script served
 * from the app adds a loading state, dropping a file and submitting once a file is chosen. Every class here is part
 * of the HTTP edge: the pages call the features' entry points ({@code SearchService}, {@code OfferService}) as the
 * JSON controllers do. Entry points: {@link io.jobmatch.pages.CandidatePage} and
 * {@link io.jobmatch.pages.RecruiterPage}.
 */
package io.jobmatch.pages;
