<#ftl output_format="HTML">
<#-- The frame of every HTML page. Pages link with paths relative to `root`, so the site works
     under any sub-path. No inline script: the Content-Security-Policy forbids it; scripts are
     files of the site (js/site.js on every page). -->
<#include "_site.ftl">
<#include "_i18n.ftl">
<#-- A report page's counts as a sentence, from its header; "" for any other page. -->
<#function reportSummary>
<#local d = {}>
<#list ["commits", "high", "medium", "low"] as k>
<#local v = (content["daybook." + k])!"">
<#if !v?matches("[0-9]{1,9}")><#return ""></#if>
<#local d = d + {k: v?number}>
</#list>
<#return daySentence(d)>
</#function>
<#-- base: a page whose own links are written from the site's root (root=""), as a list's many
     rows are, names here the way up to it (its <base>); its in-page links then name the page. -->
<#macro page title root bodyClass="" description="" base="" connectTo="">
<#local home = (root == "")?then("./", root)>
<#local pagePath = (path)!((content.uri)!"")>
<#local here = base?has_content?then(pagePath, "")>
<!DOCTYPE html>
<html lang="${site.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#-- connectTo: an origin the page may also connect to (the search page: the OpenSearch origin
     search.opensearch-public names). -->
<#local connect = connectTo?has_content?then("; connect-src 'self' " + connectTo, "")>
<#-- No <base> but a list's own, which leads to the site's root. -->
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri <#if base?has_content>'self'<#else>'none'</#if>; form-action 'self'${connect}">
<#if base?has_content>
<base href="${base}">
</#if>
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Daybook">
<title>${title} · ${site.title}</title>
<link rel="stylesheet" href="${root}css/daybook.css">
<link rel="alternate" type="application/atom+xml" title="${site.title}" href="${root}feed.xml">
<#-- Sharing: what a search engine or a chat shows for a link to this page. A page passes its own
     description; a report page's comes from its counts; any other page gets the site's. The
     page's URL only when the base URL is absolute (Open Graph wants absolute URLs). -->
<#local summary = description?has_content?then(description, reportSummary())>
<#if !summary?has_content><#local summary = fmt(t.descSite, site.repos?has_content?then(site.repos?map(r -> r.name)?join(t.listSeparator), site.title))></#if>
<meta name="description" content="${summary}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${summary}">
<#if site.baseUrl?has_content && bodyClass != "not-found">
<meta property="og:url" content="${site.baseUrl}${pagePath}">
</#if>
<link rel="icon" type="image/svg+xml" href="${root}favicon.svg">
<#-- "/" focuses the search box; a list's date jump. A file of the site: no inline script. -->
<script src="${root}js/site.js" defer></script>
</head>
<body id="top"<#if bodyClass?has_content> class="${bodyClass}"</#if>>
<a class="skip" href="${here}#main">${t.skip}</a>
<header class="site-header">
<nav class="site-nav" aria-label="${t.siteNav}">
<a class="brand" href="${home}">${site.title}</a>
<ul>
<#list site.severities as s>
<li><a class="sev sev-${s.key}" href="${root}${s.path}">${badge[s.key]} ${t.severityName[s.key]}</a></li>
</#list>
<#list site.repos as r>
<li><a href="${root}${r.path}">${r.name}</a></li>
</#list>
<#if site.about><li><a href="${root}about.html">${t.about}</a></li></#if>
<li><a href="${root}feed.xml">${t.feed}</a></li>
</ul>
<#-- Search from every page: a plain GET to the search page, which reads ?q=. The search page
     has its own box. -->
<#if bodyClass != "search-page">
<form class="site-search" action="${root}search.html" method="get" role="search">
<label class="visually-hidden" for="site-q">${t.searchLabel}</label>
<input id="site-q" name="q" type="search" maxlength="1000" autocomplete="off" spellcheck="false" placeholder="${t.searchPlaceholder}">
<button type="submit">${t.search}</button>
</form>
</#if>
</nav>
</header>
<main id="main" tabindex="-1">
<#nested>
</main>
<#-- Back to the top from anywhere: a link, kept in a corner of the screen once the page is
     scrolled (the stylesheet shows it then). -->
<a class="to-top" href="${here}#top"><span aria-hidden="true">↑</span> <span class="to-top-text">${t.toTop}</span></a>
<footer class="site-footer"><p>${t.made}</p></footer>
</body>
</html>
</#macro>
