<#ftl output_format="HTML">
<#-- The frame of every HTML page. Pages link with paths relative to `root`, so the site works
     under any sub-path. No script runs here: the Content-Security-Policy forbids inline script. -->
<#include "_site.ftl">
<#include "_i18n.ftl">
<#macro page title root bodyClass="" description="">
<#local home = (root == "")?then("./", root)>
<!DOCTYPE html>
<html lang="${site.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Daybook">
<#if description?has_content><meta name="description" content="${description}"></#if>
<title>${title} · ${site.title}</title>
<link rel="stylesheet" href="${root}css/daybook.css">
<link rel="alternate" type="application/atom+xml" title="${site.title}" href="${root}feed.xml">
</head>
<body<#if bodyClass?has_content> class="${bodyClass}"</#if>>
<a class="skip" href="#main">${t.skip}</a>
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
<li><a href="${root}search.html">${t.search}</a></li>
<li><a href="${root}feed.xml">${t.feed}</a></li>
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
<#nested>
</main>
<footer class="site-footer"><p>${t.made}</p></footer>
</body>
</html>
</#macro>
