<#include "header.ftl">
<article>
<h1>${content.title!""}</h1>
${content.body}
</article>
<#include "footer.ftl">
