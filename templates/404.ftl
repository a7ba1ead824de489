<#ftl output_format="HTML">
<#-- Served by GitHub Pages for any missing path, at any depth: its links start at the base path. -->
<#include "_layout.ftl">
<@page title=t.notFound root=root bodyClass="not-found">
<h1>${t.notFound}</h1>
<p>${t.notFoundText}</p>
<p><a class="button" href="${root}">${t.home} →</a></p>
</@page>
