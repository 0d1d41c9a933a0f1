from s2py_actions import *

shortcut(types="ActionExtension", inputs="String", icon=("blue", 59677))
# Translate: send text to a LibreTranslate server and show the translation,
# the language it came from and the other suggestions.
Server = "https://libretranslate.com"
languages = {
    "English": "en",
    "German": "de",
    "French": "fr",
    "Spanish": "es",
    "Japanese": "ja",
}
names = getvalueforkey(WFGetDictionaryValueType="All Keys", WFInput=languages)
chosen = choosefromlist(WFInput=names, WFChooseFromListActionPrompt="Translate into")
target = getvalueforkey(WFDictionaryKey=f"{chosen}", WFInput=languages)
source_text = ask(
    WFAllowsMultilineText=True,
    WFAskActionPrompt="Text to translate",
    WFAskActionDefaultAnswer=f"{ShortcutInput}",
)
response = downloadurl(
    WFURL=f"{Server}/translate",
    WFHTTPMethod="POST",
    WFHTTPHeaders={"Accept": "application/json"},
    WFHTTPBodyType="JSON",
    WFJSONValues={
        "q": source_text,
        "source": "auto",
        "target": target,
        "format": "text",
        "alternatives": 2,
    },
)
result = detect_dictionary(WFInput=response)
if result["error"]:
    alert(
        WFAlertActionTitle="Translation failed",
        WFAlertActionMessage=f"{result['error']}",
        WFAlertActionCancelButtonShown=False,
    )
else:
    # The reply nests the detected language: {"detectedLanguage": {"language": "de", "confidence": 90}}.
    Detected = result["detectedLanguage"]
    showresult(
        Text=f"{result['translatedText']}\n\nFrom {Detected['language']} ({Detected['confidence']}% sure) into {chosen}.\nAlso: {result['alternatives']}"
    )
    setclipboard(WFInput=result["translatedText"])
