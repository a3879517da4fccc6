import AgendaCore
import CLibXML2
