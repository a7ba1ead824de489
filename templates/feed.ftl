<#ftl output_format="XML">
<?xml version="1.0" encoding="utf-8"?>
<#include "_site.ftl">
<#include "_i18n.ftl">
<#-- An entry is a day (the site's feed), a week or a month (a digest feed) or a commit. Its
     content is HTML, carried as text (type="html"): it is made here with HTML escaping, then
     escaped again as XML text, so a commit's text stays text in any reader. -->
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.htmlLang}">
<title>${site.title}<#if name?has_content> · ${name}</#if><#if digestKind??> · ${t.digestList[digestKind]}<#if scope?has_content> · ${scope}</#if></#if></title>
<id>${id}</id>
<link rel="self" type="application/atom+xml" href="${self}"/>
<link rel="alternate" type="text/html" href="${alternate}"/>
<updated>${updated}</updated>
<author><name>${site.title}</name></author>
<generator>Daybook</generator>
<#list entries as e>
<entry>
<title><#if e.digest??>${fmt(t.digestTitle[digestKind], periodName(digestKind, e.digest)) + scope?has_content?then(" · " + scope, "")}<#else>${e.title}</#if></title>
<id>${e.id}</id>
<link rel="alternate" type="text/html" href="${e.url}"/>
<updated>${e.updated}</updated>
<#if e.author??><author><name>${e.author}</name></author></#if>
<#if e.digest??>
<#assign d = e.digest>
<summary>${periodSentence(digestKind, d)}</summary>
<#assign html><#outputformat "HTML"><p>${periodSentence(digestKind, d)}</p>
<#if e.commits?has_content><p>${t.highCommits}:</p><ul>
<#list e.commits as c><li>${c.badge} ${c.repo}: <a href="${c.url}">${c.title}</a></li>
</#list></ul></#if>
<p><a href="${e.url}">${t.digestList[digestKind]} →</a></p></#outputformat></#assign>
<#elseif e.day??>
<summary>${daySentence(e.day)}</summary>
<#assign html><#outputformat "HTML"><p>${daySentence(e.day)}</p>
<#if e.commits?has_content><ul>
<#list e.commits as c><li>${c.badge} ${c.repo}: <a href="${c.url}" dir="auto">${c.title}</a></li>
</#list></ul></#if></#outputformat></#assign>
<#else>
<summary>${e.summary}</summary>
<#assign c = e.entry>
<#assign html><#outputformat "HTML"><#if c.breaking?has_content><p>💥 ${t.breakingTitle} · ${t.breakingWhy}${c.breaking}</p></#if>${e.html?no_esc}<p>${c.badge} · ${c.repo} · <code>${c.sha}</code> · <bdi>${c.author}</bdi> · ${c.time} · <#if c.types?has_content>${c.types?map(ty -> ty.name)?join(" / ")}<#else>${c.type}</#if></p>
<p><a href="${e.url}">${t.readReport} →</a></p></#outputformat></#assign>
</#if>
<content type="html">${html?markup_string}</content>
</entry>
</#list>
</feed>
